"use client";

import { useTxAction, type Confirmed } from "@/components/field/use-tx-action";

/**
 * A desk form that sends one transaction when it is submitted: the page stays, and the body is built
 * as it is sent, from the submitted form's controls (and the button pressed) or from the form's state.
 */
export function useFormTx<T extends Confirmed = Confirmed>(
  url: string,
  bodyOf: (form: FormData, submitter: HTMLElement | null) => object,
) {
  const { state, send, busy } = useTxAction<T>();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { submitter } = event.nativeEvent as SubmitEvent;
    await send(url, bodyOf(new FormData(event.currentTarget), submitter));
  }

  return { state, busy, submit };
}
