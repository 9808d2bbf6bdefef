// The slice of npos (an independent ESC/POS parser from npm, a dev dependency) the tests use.
declare module 'npos' {
  interface NposEntry {
    type: string;
    data: Buffer;
  }
  interface NposAst {
    error?: Error;
    entries: NposEntry[];
  }
  interface NposParser {
    parse(raw: Buffer): Promise<NposAst>;
  }
  type NposRules = Record<number, Record<string, unknown> | number>;
  const npos: {
    rules: NposRules;
    parser(rules?: NposRules): NposParser;
    textualize(ast: NposAst, options: { text: { encoding: string } }): Promise<(string | undefined)[]>;
  };
  export default npos;
}
