// A textlint rule that visits every text node and reports nothing: textlint's start-up, parsing
// and rule run, for comparing start times with banwen check (bench/cli.ts).
export default function walkText(context) {
  let chars = 0
  return {
    [context.Syntax.Str](node) {
      chars += node.value.length
    },
  }
}
