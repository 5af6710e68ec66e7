"use client";

// The consumer's forms (a complaint, the report of a suspected fake): their larger controls, and the
// errors the server names by field, each shown under its control and tied to it for assistive
// technology; evidence.tsx holds the fields both forms ask for. The desks' forms use fields.tsx.
import { useState } from "react";

/** A text control of the consumer's forms: larger, with a stronger focus ring, than the desks' (fields.tsx). */
export const INPUT =
  "w-full rounded-xl border border-slate-500 bg-white px-3 py-2 text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none";

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
  return { setErrors, fieldError, described, control };
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

/** The colour a form's send button takes; the classes are whole words so Tailwind finds them. */
const SEND_TONES = {
  emerald:
    "w-full rounded-xl bg-emerald-700 px-4 py-3 font-medium text-white hover:bg-emerald-800 disabled:opacity-60",
  red: "w-full rounded-xl bg-red-700 px-4 py-3 font-medium text-white hover:bg-red-800 disabled:opacity-60",
};

/** The form's one button, held while the form is being sent. */
export function SendButton({
  sending,
  tone,
  children,
}: {
  sending: boolean;
  tone: keyof typeof SEND_TONES;
  children: React.ReactNode;
}) {
  return (
    <button type="submit" disabled={sending} className={SEND_TONES[tone]}>
      {children}
    </button>
  );
}
