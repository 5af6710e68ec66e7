// The evidence both of the consumer's reports ask for (a complaint and the report of a suspected
// fake): what is wrong, in the buyer's words, and a photo of the box, wired as consumer.tsx wires
// every field of those forms.
import { FieldBlock, INPUT, type FieldErrors } from "./consumer";

/** The photo formats the picker offers: the ones the server keeps. */
const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

/** What is wrong, in the buyer's words (the server keeps up to 2,000 characters). */
export function DescriptionField({ label, fields }: { label: string; fields: FieldErrors }) {
  return (
    <FieldBlock id="description" label={label}>
      <textarea required maxLength={2000} rows={3} {...fields.control("description")} className={INPUT} />
      {fields.fieldError("description")}
    </FieldBlock>
  );
}

/** A photo of the box as evidence (photo.ts reads it; the server names its errors "evidence"). */
export function PhotoField({ label, fields }: { label: string; fields: FieldErrors }) {
  return (
    <FieldBlock id="photo" label={label}>
      <input
        type="file"
        accept={PHOTO_TYPES}
        {...fields.control("photo", "evidence")}
        className="block w-full"
      />
      {fields.fieldError("evidence")}
    </FieldBlock>
  );
}
