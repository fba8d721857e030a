// The search page: asks Pagefind's runtime (served from /pagefind/, never
// bundled, as it is written by the build after the pages) and lists the
// lessons that match, with Pagefind's excerpt and its highlighted words.
import { debounced } from './debounced.ts';

interface PagefindHit {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindHit> }> } | null>;
}

const SHOWN = 10;
const RUNTIME = '/pagefind/pagefind.js';

/** Pagefind's excerpt is HTML with <mark> around the hits: keep the text and the marks, nothing else. */
function excerptNodes(html: string): Node[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultItem(hit: PagefindHit): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.meta.title ?? hit.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(hit.excerpt));
  item.append(link, excerpt);
  return item;
}

export function setupSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = document.querySelector<HTMLInputElement>('[data-search-query]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;
  const say = (template: string | undefined, values: Record<string, string>): void => {
    status.textContent = Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, value), template ?? '');
  };

  let runtime: Promise<Pagefind> | undefined;
  let latest = 0;
  const search = async (): Promise<void> => {
    const query = input.value.trim();
    const asked = ++latest;
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      runtime ??= import(/* @vite-ignore */ RUNTIME) as Promise<Pagefind>;
      const found = await (await runtime).search(query);
      const hits = await Promise.all((found?.results ?? []).slice(0, SHOWN).map((r) => r.data()));
      if (asked !== latest) return;
      list.replaceChildren(...hits.map(resultItem));
      say(hits.length ? form.dataset.results : form.dataset.noResults, { count: String(found?.results.length ?? 0), query });
    } catch {
      runtime = undefined;
      say(form.dataset.unavailable, {});
    }
  };
  const soon = debounced(() => void search(), 200);
  input.addEventListener('input', () => soon.schedule());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    soon.now();
  });
  // A query in the address searches at once; so does one typed before this script ran.
  const asked = new URLSearchParams(location.search).get('q');
  if (asked !== null && !input.value) input.value = asked;
  if (input.value) soon.now();
}
