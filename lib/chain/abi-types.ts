// TypeScript types derived from the generated `as const` ABIs, shaped as ethers v6 takes and returns values
// at run time (every integer comes back a bigint, a struct a Result read by field name, an address or bytes
// a hex string). lib/chain calls contracts and decodes events through these, so a function renamed or
// re-typed in Solidity fails `tsc` at the call, not a user at run time. Types only: nothing here runs.
import type { AddressLike, BigNumberish, BytesLike } from "ethers";
import type { abis, ContractName } from "./generated/abis";

interface AbiParameter {
  readonly type: string;
  readonly name?: string;
  readonly components?: readonly AbiParameter[];
}

type Direction = "in" | "out";

/** One Solidity type as ethers takes it (`in`) or returns it (`out`). */
type SolidityType<
  P extends AbiParameter,
  D extends Direction,
> = P["type"] extends `${infer Element}[${string}]`
  ? readonly SolidityType<Omit<P, "type"> & { readonly type: Element }, D>[]
  : P["type"] extends "tuple"
    ? P["components"] extends readonly AbiParameter[]
      ? Struct<P["components"], D>
      : never
    : P["type"] extends `${"uint" | "int"}${string}`
      ? D extends "in"
        ? BigNumberish
        : bigint
      : P["type"] extends "address"
        ? D extends "in"
          ? AddressLike
          : string
        : P["type"] extends `bytes${string}`
          ? D extends "in"
            ? BytesLike
            : string
          : P["type"] extends "bool"
            ? boolean
            : P["type"] extends "string"
              ? string
              : unknown;

/** A struct: its fields by name (ethers takes an object and returns a Result readable by name). */
type Struct<C extends readonly AbiParameter[], D extends Direction> = {
  readonly [P in C[number] as P["name"] & string]: SolidityType<P, D>;
};

/** A parameter list as a tuple, in order. */
type Parameters<C extends readonly AbiParameter[], D extends Direction> = {
  -readonly [I in keyof C]: C[I] extends AbiParameter ? SolidityType<C[I], D> : never;
};

type Item<N extends ContractName> = (typeof abis)[N][number];
type FunctionItem<N extends ContractName> = Extract<Item<N>, { readonly type: "function" }>;
type EventItem<N extends ContractName> = Extract<Item<N>, { readonly type: "event" }>;

export type FunctionName<N extends ContractName> = FunctionItem<N>["name"];
export type EventName<N extends ContractName> = EventItem<N>["name"];

type Function<N extends ContractName, F extends FunctionName<N>> = Extract<
  FunctionItem<N>,
  { readonly name: F }
>;
type Event<N extends ContractName, E extends EventName<N>> = Extract<EventItem<N>, { readonly name: E }>;

/** A function's arguments, in order. */
export type FunctionArgs<N extends ContractName, F extends FunctionName<N>> = Parameters<
  Function<N, F>["inputs"],
  "in"
>;

/** What a call returns: nothing, its one value, or its values as a tuple also readable by name. */
export type FunctionResult<N extends ContractName, F extends FunctionName<N>> = Function<
  N,
  F
>["outputs"] extends readonly []
  ? undefined
  : Function<N, F>["outputs"] extends readonly [infer Only extends AbiParameter]
    ? SolidityType<Only, "out">
    : Parameters<Function<N, F>["outputs"], "out"> & Struct<Function<N, F>["outputs"], "out">;

export type IsView<N extends ContractName, F extends FunctionName<N>> = Function<
  N,
  F
>["stateMutability"] extends "view" | "pure"
  ? true
  : false;

/** A decoded event's arguments by name, as ethers' LogDescription.args returns them. */
export type EventArgs<N extends ContractName, E extends EventName<N>> = Struct<Event<N, E>["inputs"], "out">;
