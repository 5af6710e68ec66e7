// A photo picked in a form, read in the browser as the JSON APIs take it (a data: URL): the complaint
// form and the report of a suspected fake send it the same way, under the same limit the server keeps.

/** The largest photo the server keeps (lib/stores/migrations/0001-shared-state.ts). */
export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;

/** The photo as a data: URL, or null when the browser cannot read the file. */
export function readAsDataUrl(file: File): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

/** The form's photo field as a data: URL; undefined without one; `error` when too large or unreadable. */
export async function formPhoto(
  value: FormDataEntryValue | null,
): Promise<{ evidence?: string; error?: "photoTooLarge" | "photoUnreadable" }> {
  if (!(value instanceof File) || value.size === 0) return {};
  if (value.size > MAX_PHOTO_BYTES) return { error: "photoTooLarge" };
  const evidence = await readAsDataUrl(value);
  return evidence === null ? { error: "photoUnreadable" } : { evidence };
}
