"use client";

import { useState } from "react";

/**
 * The text fields of a desk form kept in its state, each under the name its control and the request
 * body share: `bind(name)` gives an InputField its name, value and onValue.
 */
export function useFields<Name extends string>(initial: Record<Name, string>) {
  const [values, setValues] = useState(initial);
  const bind = (name: Name) => ({
    name,
    value: values[name],
    onValue: (value: string) => setValues((current) => ({ ...current, [name]: value })),
  });
  return { values, bind };
}
