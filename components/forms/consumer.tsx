"use client";

// The consumer's forms (a complaint, the report of a suspected fake): their larger controls, and the
// errors the server names by field, each shown under its control and tied to it for assistive
// technology. The desks' forms use fields.tsx.
import { useState } from "react";

/** A text control of the consumer's forms: larger, with a stronger focus ring, than the desks' (fields.tsx). */
export const INPUT =
  "w-full rounded-xl border border-slate-500 bg-white px-3 py-2 text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none";

/** The photo formats the picker offers: the ones the server keeps. */
const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

/** A form's errors by field name ("form" for the whole form), and how a control shows and refers to them. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} role="alert" className="text-sm text-red-700">
        {errors[name]}
      </p>
    ) : null;
  /** A field's state for assistive technology: invalid or not, and which hint and error describe it. */
  const described = (errorKey: string, hintId?: string) => {
    const ids = [hintId, errors[errorKey] ? `${errorKey}-error` : undefined].filter((id) => id !== undefined);
    return {
      "aria-invalid": errors[errorKey] ? true : undefined,
      "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    };
  };
  /** A control's id and name (the same), and its state under the error the server names `errorKey`. */
  const control = (name: string, errorKey = name) => ({ id: name, name, ...described(errorKey) });
  return { errors, setErrors, fieldError, described, control };
}

export type FieldErrors = ReturnType<typeof useFieldErrors>;

/** A control under its label, with whatever explains it and its error below. */
export function FieldBlock({
  id,
  label,
  labelClassName = "font-medium",
  className = "space-y-1",
  children,
}: {
  id: string;
  label: string;
  labelClassName?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children}
    </div>
  );
}

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
