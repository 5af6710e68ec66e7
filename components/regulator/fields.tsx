// The form controls the regulator's forms share: a labelled field, a select of options, a submit button.
export interface Option {
  value: string;
  label: string;
}

const CONTROL = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
      {label}
      {children}
      {hint !== undefined && <span className="text-xs font-normal text-slate-600">{hint}</span>}
    </label>
  );
}

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
