/**
 * Top-level domains used to recognise links written without "https://" ("acme.com/help"),
 * which X shortens and counts as 23 like any other link.
 *
 * Country-code TLDs: the IANA two-letter delegations (ISO 3166-1 codes plus ac, eu, su, uk).
 * Generic TLDs: a curated list of the common ones. twitter-text ships the full IANA list
 * (1,500+ entries); a link on a rarer gTLD written WITHOUT a scheme is counted by its
 * characters here, not as 23. Links with "https://" are recognised on any TLD.
 */
export const COUNTRY_CODE_TLDS: ReadonlySet<string> = new Set(
  (
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs ' +
    'bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg ' +
    'er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn ' +
    'hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li ' +
    'lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne ' +
    'nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb ' +
    'sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt ' +
    'tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
  ).split(' '),
);

export const GENERIC_TLDS: ReadonlySet<string> = new Set(
  (
    'com net org edu gov mil int info biz name pro mobi aero coop jobs museum travel tel asia cat post ' +
    'app dev page new blog shop store online site website tech xyz club live life world today news ' +
    'email support help care services solutions company group global media digital cloud network ' +
    'systems software agency studio design hotel restaurant cafe coffee food pizza bar fashion ' +
    'clothing shoes beauty fitness health dental clinic insurance bank finance money law legal ' +
    'realty deals sale shopping market fun games link click top vip one love family kids moe ' +
    'berlin london nyc paris tokyo amsterdam flights delivery express fyi'
  ).split(' '),
);

export function isKnownTld(tld: string): boolean {
  const lower = tld.toLowerCase();
  return COUNTRY_CODE_TLDS.has(lower) || GENERIC_TLDS.has(lower) || lower.startsWith('xn--');
}
