/**
 * Random compose-like YAML for the fast reader's differential tests: nested block mappings
 * and sequences at varied indentation, comment lines at every depth, blank lines (some
 * holding spaces), trailing comments, empty values, anchors and aliases, one-line flow
 * collections, quoted and block scalars, numbers and booleans, CRLF, `---`, a missing
 * final newline, and now and then something outside the reader's subset.
 */
export function randomYaml(seed: number): string {
  let state = seed >>> 0 || 1;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const step = pick([2, 4]);
  const anchors: string[] = [];
  const lines: string[] = [];
  const keys = ['image', 'volumes', 'ports', 'environment', 'db', 'web', 'data', '<<', 'x-common', '"quoted key"', "'single'", '1', 'true', 'null', 'command', 'a b'];
  const scalars = ['nginx:1.25', '"80:80"', "'it''s'", '8080', '1.50', '-1', '0x1F', '0o17', '.inf', 'true', 'False', '~', 'null', './data:/var/lib/data', '${HOME}/x', 'a#b', '"tab\\tx"', 'http://x:80/y', 'value with spaces', '"#not comment"', '[a, "b" , 3]', '[]', '{k: v, "q": 1 }', '{}', '[ x ]'];
  const trivia = (depthIndent: number): void => {
    while (chance(0.3)) {
      const r = random();
      if (r < 0.3) lines.push('');
      else if (r < 0.4) lines.push(' '.repeat(Math.floor(random() * 8)));
      else lines.push(' '.repeat(Math.max(0, depthIndent + pick([-4, -2, -1, 0, 0, 1, 2, 4]))) + '# ' + pick(['note', 'vsafe: production', 'x: y', '']));
    }
  };
  const comment = (): string => (chance(0.15) ? pick(['  # why', ' # c', '   #']) : '');
  const blockScalar = (indent: number): string[] => {
    const header = pick(['|', '|-', '|+', '>', '>-', '>+']);
    const body: string[] = [];
    const inner = indent + pick([1, 2, 4]);
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      if (chance(0.2)) body.push(chance(0.5) ? '' : ' '.repeat(inner + pick([0, 1, -1])));
      body.push(' '.repeat(inner + (chance(0.2) ? 2 : 0)) + pick(['echo hi', '# not a comment', 'key: value', 'x']));
    }
    while (chance(0.3)) body.push(chance(0.5) ? '' : ' '.repeat(Math.floor(random() * (inner + 2))));
    return [header + comment(), ...body];
  };
  const value = (indent: number, depth: number): void => {
    // Called after `key:` or `-` has been written on the last line.
    const r = random();
    const last = lines.length - 1;
    if (depth < 4 && r < 0.35) {
      if (chance(0.2)) {
        const name = `a${anchors.length}`;
        anchors.push(name);
        lines[last] += ` &${name}`;
      }
      lines[last] += comment();
      trivia(indent + step);
      if (chance(0.5)) map(indent + step, depth + 1);
      else seq(chance(0.5) ? indent : indent + step, depth + 1);
    } else if (r < 0.45) {
      lines[last] += comment();
    } else if (r < 0.52) {
      const [header, ...body] = blockScalar(indent);
      lines[last] += ' ' + header;
      lines.push(...body);
    } else if (r < 0.58 && anchors.length > 0) {
      lines[last] += ` *${pick(anchors)}` + comment();
    } else {
      lines[last] += ' ' + pick(scalars) + comment();
    }
  };
  const map = (indent: number, depth: number): void => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      lines.push(' '.repeat(indent) + pick(keys) + ':');
      value(indent, depth);
      trivia(indent);
    }
  };
  const seq = (indent: number, depth: number): void => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      if (chance(0.3) && depth < 4) {
        lines.push(' '.repeat(indent) + '- ' + pick(keys) + ':');
        value(indent + 2, depth + 1);
        const m = Math.floor(random() * 3);
        for (let j = 0; j < m; j++) {
          lines.push(' '.repeat(indent + 2) + pick(keys) + ':');
          value(indent + 2, depth + 1);
        }
      } else {
        lines.push(' '.repeat(indent) + '-');
        value(indent, depth);
      }
      trivia(indent);
    }
  };
  trivia(0);
  if (chance(0.1)) lines.push('---' + comment());
  if (chance(0.1)) seq(0, 1);
  else map(0, 0);
  if (chance(0.05)) lines.splice(Math.floor(random() * lines.length), 0, pick(['\tkey: tab', 'key: !reset []', 'a: b: c', '  misindented: 1', '--- ', 'k: "unterminated', '? complex']));
  let text = lines.join('\n') + (chance(0.9) ? '\n' : '');
  if (chance(0.1)) text = text.replace(/\n/g, '\r\n');
  return text;
}
