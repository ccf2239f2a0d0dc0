import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { type MdBlock, type MdInline, parseMarkdown } from '../utils/catalog/markdown';

/**
 * Catalog Markdown as Preact elements. It renders the parsed tree only (never `dangerouslySetInnerHTML`), so
 * text from a feed can at worst look odd; it cannot add elements, attributes or scripts to the panel.
 * Keys are positions: the tree is rebuilt whole whenever the source changes, so nothing is ever reordered.
 */
export function Markdown({ source, class: className }: { source: string; class?: string }): JSX.Element {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div class={className}>{blocks.map(renderBlock)}</div>;
}

function renderBlock(block: MdBlock, key: number): JSX.Element {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{block.children.map(renderInline)}</p>;
    case 'blockquote':
      return <blockquote key={key}>{block.children.map(renderBlock)}</blockquote>;
    case 'list': {
      const items = block.items.map((children, i) => <li key={i}>{children.map(renderInline)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

function renderInline(node: MdInline, key: number): JSX.Element | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br key={key} />;
    case 'strong':
      return <strong key={key}>{node.children.map(renderInline)}</strong>;
    case 'em':
      return <em key={key}>{node.children.map(renderInline)}</em>;
    case 'link':
      // A new tab keeps the article (and the reader's place in it) open; noopener keeps the linked page from
      // reaching back into the panel, noreferrer keeps the panel's URL to ourselves.
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {node.children.map(renderInline)}
        </a>
      );
  }
}
