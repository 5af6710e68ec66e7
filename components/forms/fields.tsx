// The desks' form kit: a labelled field whose error is tied to it, its controls and buttons, a
// pass/fail mark, and reading a submitted form's values; the back office and the regulator's forms
// use it alike (use-fields.ts and use-form-tx.ts are its hooks). The red alert is every form's. The
// consumer's forms (a complaint, a tip) have their own look and wiring in consumer.tsx.
export const INPUT =
  "w-full rounded-lg border border-slate-400 bg-white px-2 py-2 text-base aria-[invalid=true]:border-red-600";
export const BUTTON =
  "rounded-lg bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-50 hover:bg-slate-800";

export function Field({
  label,
  hint,
  children,
  className = "",
}: {
  label: string;
  hint?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <label className={`flex min-w-0 flex-col gap-1 text-sm font-medium ${className}`}>
      {label}
      {children}
      {hint !== undefined && <span className="text-xs font-normal text-slate-600">{hint}</span>}
    </label>
  );
}

/** Pass / fail with a word and a mark, never colour alone. */
export function CheckMark({ ok, text }: { ok: boolean | null; text: string }) {
  const tone =
    ok === null
      ? "border-slate-300 bg-slate-50 text-slate-700"
      : ok
        ? "border-emerald-300 bg-emerald-50 text-emerald-900"
        : "border-red-300 bg-red-50 text-red-900";
  return (
    <span
      data-mark={ok === null ? "pending" : ok ? "pass" : "fail"}
      className={`inline-flex items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tone}`}
    >
      <span aria-hidden="true">{ok === null ? "…" : ok ? "✓" : "✗"}</span>
      {text}
    </span>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function TextInput(props: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={INPUT} />;
}

type FieldFrame = { label: string; hint?: React.ReactNode; className?: string };

/** A labelled input; one the form keeps in its state gets the text as typed through `onValue`. */
export function InputField({
  label,
  hint,
  className,
  onValue,
  ...props
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "className" | "onChange"> &
  FieldFrame & { onValue?: (value: string) => void }) {
  return (
    <Field label={label} hint={hint} className={className}>
      <TextInput {...props} onChange={onValue && ((e) => onValue(e.target.value))} />
    </Field>
  );
}

/** A checkbox with its words beside it, kept in the form's state. */
export function CheckboxField({
  label,
  checked,
  onValue,
  name,
}: {
  label: string;
  checked: boolean;
  onValue: (checked: boolean) => void;
  name?: string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onValue(e.target.checked)}
        className="h-4 w-4"
      />
      {label}
    </label>
  );
}

export function Select({
  options,
  placeholder,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string }) {
  return (
    <select {...props} className={INPUT}>
      {placeholder !== undefined && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** A labelled choice nothing is picked in at first: the form cannot be sent until one is. */
export function ChoiceField({
  label,
  name,
  options,
  placeholder,
}: {
  label: string;
  name: string;
  options: Option[];
  placeholder: string;
}) {
  return (
    <Field label={label}>
      <Select name={name} required defaultValue="" options={options} placeholder={placeholder} />
    </Field>
  );
}

export function SubmitButton({
  children,
  disabled,
  tone = "primary",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: "primary" | "danger" | "plain" }) {
  const tones = {
    primary: BUTTON,
    danger: "rounded-lg bg-red-700 px-4 py-2 font-medium text-white disabled:opacity-50",
    plain: "rounded-lg border border-slate-400 bg-white px-4 py-2 font-medium disabled:opacity-50",
  };
  return (
    <button type="submit" disabled={disabled} {...props} className={tones[tone]}>
      {children}
    </button>
  );
}

/** What went wrong with the last try, as an alert; nothing when nothing did. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {message}
    </p>
  );
}

/** The value of a named control of the submitted form, trimmed. */
export const formValue = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The values of named controls, trimmed, under their names (a request body's fields as the form names them). */
export const formValues = <Name extends string>(form: FormData, ...names: Name[]) =>
  Object.fromEntries(names.map((name) => [name, formValue(form, name)])) as Record<Name, string>;
