// The host page of the page-cost bench: a plain article (a few KB of headings and paragraphs
// and a stylesheet) with the messenger stand-in, in three variants that differ only in the
// widget tag, pasted the way the README tells a site owner to; `inline-sized` adds the one CSS
// line the README gives for an inline form that never shifts the page (the target's height).

export type Variant = 'baseline' | 'floating' | 'inline' | 'inline-sized';
export const VARIANTS: Variant[] = ['baseline', 'floating', 'inline', 'inline-sized'];

/** How the tag is loaded: as the README pastes it, or as sites also do (`BENCH_INLINE_EMBEDS`). */
export type TagLoading = 'defer' | 'blocking' | 'async' | 'injected';
export const OTHER_LOADINGS: TagLoading[] = ['blocking', 'async', 'injected'];

// README "Inline form without a shift": the reserve for the default fields at 16 px.
const SIZED_CSS = '<style>#lead-form { min-height: 453px }</style>';

export const ARTICLE_CSS = `body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fdfcf8; }
header { border-bottom: 1px solid #ddd; padding: 1rem 1.5rem; font: 600 1rem system-ui, sans-serif; }
header nav a { margin-right: 1rem; color: #7a3b12; text-decoration: none; }
article { max-width: 40rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2.2rem; line-height: 1.2; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; }
.byline { color: #666; font: 0.9rem system-ui, sans-serif; }
blockquote { border-left: 4px solid #e0c9a6; margin: 1.5rem 0; padding: 0.2rem 1rem; color: #555; }
footer { border-top: 1px solid #ddd; padding: 1rem 1.5rem; color: #666; font: 0.9rem system-ui, sans-serif; }
`;

const PARAGRAPHS = [
  'Sourdough is flour, water and salt, and time. The time is where the flavour comes from: wild yeasts and lactic bacteria work through the dough for hours, and a loaf that rose in ninety minutes tastes of very little next to one that rose overnight in a cool kitchen.',
  'Start with the starter. Feed it the evening before you mix, equal weights of flour and water, and leave it somewhere around twenty-four degrees. By morning it should have doubled, smell of yoghurt rather than nail varnish, and a spoonful should float in a glass of water.',
  'Mix the flour and most of the water first and let them sit for an hour. Bakers call this the autolyse; it lets the flour drink and the gluten start to form on its own, so the dough needs less kneading later and stays more open.',
  'Then add the starter and the salt with the last of the water, and squeeze it all through your fingers until no dry flour is left. The dough will feel shaggy and wet. That is right: a wetter dough makes a lighter crumb, and the folds that follow will give it strength.',
  'Over the next three hours, fold the dough every half hour: wet your hand, lift one side, stretch it up and fold it over, turn the bowl a quarter and repeat four times. By the last fold the dough should hold its shape and show bubbles at the sides of the bowl.',
  'Shape it gently, so as not to knock out the gas, into a tight round with a smooth skin, and put it seam side up in a floured basket. Cover it and leave it in the fridge overnight. The cold slows the yeast and lets the bacteria keep working, which is where the sour note comes from.',
  'Bake it straight from the fridge in a heavy pot, preheated for an hour at the hottest your oven goes. Tip the loaf onto a square of baking paper, score it with a razor, lower it into the pot and put the lid on. The trapped steam keeps the crust soft long enough for the loaf to spring up.',
  'After twenty minutes take the lid off, lower the heat a little and bake until the crust is a deep brown, darker than you think. A pale loaf is an under-baked loaf. Let it cool for at least an hour before you cut it; the crumb is still setting inside.',
];

const HEADINGS = ['The starter', 'Mixing', 'Folding', 'Shaping and the cold proof', 'Baking'];

function articleBody(): string {
  const sections = HEADINGS.map((heading, i) => {
    const first = PARAGRAPHS[(i * 2) % PARAGRAPHS.length];
    const second = PARAGRAPHS[(i * 2 + 1) % PARAGRAPHS.length];
    return `<h2>${heading}</h2>\n<p>${first}</p>\n<p>${second}</p>`;
  });
  return `<h1>A slow loaf: sourdough at home, step by step</h1>
<p class="byline">By the Hearth &amp; Crumb bakers · 8 minute read</p>
<p>${PARAGRAPHS[0]}</p>
<div id="lead-form"></div>
<blockquote>Good bread is mostly patience. The oven does the rest.</blockquote>
${sections.join('\n')}`;
}

const MESSENGER_TAG =
  '<script id="eleapi-messenger-widget" src="/messenger-stand-in.js" defer>c0ffee5ba4e7b0a7d3a1f2e9,b4ce7e11a9d2c6f0e8a1d3b5</script>';

function widgetTag(variant: Variant, relayUrl: string, loading: TagLoading): string {
  if (variant === 'baseline') return '';
  const inline = variant === 'floating' ? '' : ' data-mode="inline" data-target="#lead-form"';
  const sized = variant === 'inline-sized' ? SIZED_CSS : '';
  if (loading === 'injected') {
    // As a tag manager does: a script creates the tag (data-* set as attributes).
    const data = `[['relay-url', ${JSON.stringify(relayUrl)}]${inline ? ",['mode','inline'],['target','#lead-form']" : ''}]`;
    return `${sized}<script>(() => { const tag = document.createElement('script'); tag.src = '/eleapi-leads.js'; for (const [k, v] of ${data}) tag.setAttribute('data-' + k, v); document.head.append(tag); })();</script>`;
  }
  const how = loading === 'blocking' ? '' : ` ${loading}`;
  return `${sized}<script src="/eleapi-leads.js" data-relay-url="${relayUrl}"${inline}${how}></script>`;
}

/** The article with the messenger stand-in and, unless baseline, the widget tag in <head>. */
export function articlePage(
  variant: Variant,
  relayUrl: string,
  loading: TagLoading = 'defer',
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A slow loaf — Hearth &amp; Crumb</title>
<link rel="stylesheet" href="/article.css">
${MESSENGER_TAG}
${widgetTag(variant, relayUrl, loading)}
</head>
<body>
<header><nav><a href="/">Home</a><a href="/recipes">Recipes</a><a href="/visit">Visit</a></nav></header>
<article>
${articleBody()}
</article>
<footer>Hearth &amp; Crumb is a made-up bakery.</footer>
</body>
</html>`;
}
