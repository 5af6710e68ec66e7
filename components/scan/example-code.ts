/** How the line under a box's barcode reads: the example the code fields show. */
export const EXAMPLE_CODE = "(01)09521234500018(10)240315A(21)100321";
