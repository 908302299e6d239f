import { highlightRuns } from '../../shared/queue';

/** `text` with the search's words marked; every run is a text node, never HTML. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  return (
    <>
      {highlightRuns(text, query).map((run, i) => (run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </>
  );
}
