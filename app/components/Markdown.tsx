import { parseMarkdown, type Inline } from './markdown.ts';

function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((x, i) =>
        x.t === 'code' ? <code key={i}>{x.text}</code> : x.t === 'strong' ? <strong key={i}>{x.text}</strong> : x.t === 'em' ? <em key={i}>{x.text}</em> : <span key={i}>{x.text}</span>,
      )}
    </>
  );
}

/** Markdown renders task text; every piece of it is a React text node, never HTML. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="md">
      {parseMarkdown(source).map((b, i) => {
        switch (b.t) {
          case 'heading': {
            const H = (`h${Math.min(6, b.level + 2)}`) as 'h3';
            return (
              <H key={i}>
                <Inlines items={b.inline} />
              </H>
            );
          }
          case 'para':
            return (
              <p key={i}>
                <Inlines items={b.inline} />
              </p>
            );
          case 'list': {
            const L = b.ordered ? 'ol' : 'ul';
            return (
              <L key={i}>
                {b.items.map((it, j) => (
                  <li key={j}>
                    <Inlines items={it} />
                  </li>
                ))}
              </L>
            );
          }
          case 'code':
            return (
              <pre key={i} className="md-code">
                <code>{b.text}</code>
              </pre>
            );
        }
      })}
    </div>
  );
}
