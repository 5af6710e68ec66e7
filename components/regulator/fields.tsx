// The form controls the regulator's forms share: a text input, a select of options, a submit button
// (the labelled field around them is the back office's, components/forms/fields.tsx).
export interface Option {
  value: string;
  label: string;
}

const CONTROL = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";

export function TextInput(props: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={CONTROL} />;
}

export function Select({
  options,
  placeholder,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string }) {
  return (
    <select {...props} className={CONTROL}>
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

export function SubmitButton({
  children,
  disabled,
  tone = "primary",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: "primary" | "danger" | "plain" }) {
  const tones = {
    primary: "bg-slate-900 text-white",
    danger: "bg-red-700 text-white",
    plain: "border border-slate-400 bg-white",
  };
  return (
    <button
      type="submit"
      disabled={disabled}
      {...props}
      className={`rounded-lg px-4 py-2 font-medium disabled:opacity-50 ${tones[tone]}`}
    >
      {children}
    </button>
  );
}

/** The value of a named control of the submitted form, trimmed. */
export const formValue = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
