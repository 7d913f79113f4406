// The visitor's likely country from their languages, without Intl.Locale#maximize() (6–34 ms,
// issue 10): a tag's own region wins, else the language's most common one. It lives in the form
// chunk, which needs it at mount, so the loader does not carry the table (−247 B gzip).

// Language → region as CLDR's likely subtags have them (Intl.Locale#maximize), for the
// languages of most visitors; others fall through to the next language, then to US.
const LIKELY =
  'enus eses frfr dede ptbr hiin areg jajp zhcn itit nlnl ruru plpl trtr kokr svse dadk nbno nono fifi cscz elgr heil idid vivn thth ukua roro huhu msmy bnbd fair urpk tlph tain srrs hrhr bgbg sksk slsi ltlt lvlv etee caes isis gaie';

/** ISO 3166 alpha-2, upper case: the first language's region, else US. */
export function likelyRegion(languages: readonly string[]): string {
  for (const tag of languages) {
    const [language = '', ...rest] = tag.trim().toLowerCase().split(/[-_]/);
    const region =
      rest.find((part) => /^[a-z]{2}$/.test(part)) ??
      (/^[a-z]{2}$/.test(language)
        ? new RegExp(`\\b${language}([a-z]{2})`).exec(LIKELY)?.[1]
        : undefined);
    if (region) return region.toUpperCase();
  }
  return 'US';
}
