/**
 * Import rules (`npm run lint` runs them): no cycles, and layers point down only.
 *
 *   entrypoints                        thin WXT entrypoints
 *   lib/background lib/content components   the app: worker, content scripts, React views
 *   lib/queries                        react-query factories over messaging
 *   lib/messaging lib/cases lib/db lib/sync   the protocol, the case store and its team sync (background only)
 *   lib/settings                       the settings schema and its one storage source
 *   lib/match triage spirals replies handoff workflow transfer sites merge agents   pure logic
 *   lib/domain                         shared types, limits, errors
 *   lib/util lib/validation lib/i18n   generic helpers (lib/i18n: UI strings, Intl formats)
 *
 * A module may import from its own layer and the layers below it. See README "Project layout".
 */
const LAYERS = [
  ['generic', '^lib/(util|validation|i18n)/'],
  ['domain', '^lib/domain/'],
  ['logic', '^lib/(match|triage|spirals|replies|handoff|workflow|transfer|sites|merge|agents)/'],
  ['settings', '^lib/settings/'],
  ['store', '^lib/(messaging|cases|db|sync)/'],
  ['queries', '^lib/queries/'],
  ['app', '^(lib/(background|content)|components)/'],
  ['entrypoints', '^entrypoints/'],
];

/** Tests and their helpers (testing.ts) wire layers together on purpose; only cycles and scripts/ are off-limits to them. */
const TEST_CODE = '(\\.test\\.tsx?|/testing\\.tsx?)$';

const upward = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `layer-${name}`,
  comment: `${name} may import only from its own layer and below (see the layer list at the top of .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path, pathNot: TEST_CODE },
  to: { path: LAYERS.slice(index + 1).map(([, above]) => above) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import cycles make load order and layering meaningless',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'messaging-not-store',
      comment: 'the protocol depends on domain types, never on the case store (and the store never on the protocol)',
      severity: 'error',
      from: { path: '^lib/messaging/', pathNot: TEST_CODE },
      to: { path: '^lib/(cases|db)/' },
    },
    {
      name: 'store-not-messaging',
      severity: 'error',
      from: { path: '^lib/(cases|db|sync)/', pathNot: TEST_CODE },
      to: { path: '^lib/messaging/' },
    },
    {
      name: 'indexeddb-in-background-only',
      comment: 'only the background touches IndexedDB: pages and content scripts ask it over messaging',
      severity: 'error',
      from: { path: '^(lib/content|lib/queries|components)/', pathNot: TEST_CODE },
      to: { path: '^lib/(cases|db|sync|background)/' },
    },
    {
      name: 'content-is-dom-only',
      comment: 'lib/content is the DOM side of content scripts; React containers live in components/',
      severity: 'error',
      from: { path: '^lib/content/', pathNot: TEST_CODE },
      to: { path: '^components/' },
    },
    {
      name: 'views-share-through-common',
      comment: 'a view (popup, dashboard, options, sidebar) imports another only through components/common',
      severity: 'error',
      from: { path: '^components/([^/]+)/', pathNot: TEST_CODE },
      to: { path: '^components/', pathNot: ['^components/$1/', '^components/common/'] },
    },
    {
      name: 'background-not-views',
      severity: 'error',
      from: { path: '^lib/background/', pathNot: TEST_CODE },
      to: { path: '^(lib/content|components)/' },
    },
    {
      name: 'product-not-scripts',
      comment: 'shipped code and its tests never import the dev scripts (benches, training)',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
