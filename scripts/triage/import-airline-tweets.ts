/**
 * One-off import: copies the columns CareSide needs from the Kaggle "Twitter US Airline Sentiment"
 * CSV into data/airline-tweets/tweets.json (one row per line, so diffs stay readable).
 *
 *   npx tsx scripts/triage/import-airline-tweets.ts <path/to/Tweets.csv>
 *
 * The source path is an argument on purpose: nothing in the project reads the shared copy at run time.
 * `row` is the 1-based data row in the source file (its tweet_id column was mangled by a spreadsheet).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv';
import { isMain } from '../is-main';

const KEPT_COLUMNS = ['airline_sentiment', 'negativereason', 'airline', 'retweet_count', 'text'] as const;

function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error('usage: tsx scripts/triage/import-airline-tweets.ts <Tweets.csv>');
  const [header, ...records] = parseCsv(readFileSync(source, 'utf8'));
  if (!header) throw new Error('empty CSV');
  const columnIndex = KEPT_COLUMNS.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`missing column ${name}`);
    return index;
  });
  const lines = records
    .filter((record) => record.length >= header.length)
    .map((record, i) => {
      const [sentiment, reason, airline, retweets, text] = columnIndex.map((index) => record[index] ?? '');
      return JSON.stringify([i + 1, sentiment, reason, airline, Number(retweets) || 0, text]);
    });
  const out = fileURLToPath(new URL('../../data/airline-tweets/tweets.json', import.meta.url));
  writeFileSync(out, `{"columns":${JSON.stringify(['row', ...KEPT_COLUMNS])},"rows":[\n${lines.join(',\n')}\n]}\n`);
  console.log(`wrote ${lines.length} rows to ${out}`);
}

// Only when run (npx tsx …): importing this file must not retrain or rewrite anything.
if (isMain(import.meta.url)) main();
