/**
 * One faulty part of something a rule refused: where (a field path such as `awards.2.reason`), what
 * kind (a code the console words), the values its sentence names, and the English sentence.
 */
export interface CodedProblem<Code extends string> {
  field: string;
  code: Code;
  params: Record<string, string | number>;
  message: string;
}
