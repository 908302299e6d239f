/**
 * A help article's markdown as plain text blocks (headings, paragraphs, list items), for rendering as JSX
 * text: no HTML is ever made from it, so nothing an article says can run or style the messenger. Inline
 * syntax is dropped (`**bold**` → bold, `[text](url)` → text, `` `code` `` → code).
 */
export type TextBlock = { kind: 'heading' | 'paragraph' | 'item'; text: string };

function inline(text: string): string {
  return text
    // A link's target may hold one level of parentheses: [text](javascript:alert(1)).
    .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

export function markdownBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: inline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const raw of markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!line || line.startsWith('```')) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: inline(heading[1] ?? '') });
    } else if (item) {
      flush();
      blocks.push({ kind: 'item', text: inline(item[1] ?? '') });
    } else paragraph.push(line);
  }
  flush();
  return blocks.filter((b) => b.text !== '');
}
