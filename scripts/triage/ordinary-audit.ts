/**
 * CareSide's audits of complaints-2019's ordinary tweets. The data set labels every ordinary tweet "not a
 * complaint" by construction, not by an annotator, yet some are plain complaints to a business ("@USPSHelp My
 * package is stuck…"). Two files, one rule (a problem with a product or service, to or about the business):
 * - ordinary-audit.csv: training-pool rows; training may use their audited label (`ordinaryAudit`).
 * - ordinary-heldout-audit.csv: held-out rows, read once without model scores; never trained or tuned on, only
 *   reported beside the ordinary-tweet target (which counts them as false flags).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isHeldOutOrdinary, isOrdinary, loadComplaintTweets } from './corpora';
import { parseCsv } from './csv';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../data/complaints-2019');

/** Audited label (1 = complaint) of training-pool ordinary tweets, by complaints.csv data row. */
export function loadOrdinaryAudit(source: string = readFileSync(join(DATA_DIR, 'ordinary-audit.csv'), 'utf8')): Map<number, number> {
  return parseAudit(source, 'ordinary-audit.csv', false);
}

/** Audited label of held-out ordinary tweets (evaluation only), by complaints.csv data row. */
export function loadHeldOutOrdinaryAudit(
  source: string = readFileSync(join(DATA_DIR, 'ordinary-heldout-audit.csv'), 'utf8'),
): Map<number, number> {
  return parseAudit(source, 'ordinary-heldout-audit.csv', true);
}

function parseAudit(source: string, file: string, heldOut: boolean): Map<number, number> {
  const [header, ...records] = parseCsv(source).filter((record) => record.some((field) => field !== ''));
  if (header?.join() !== 'row,label,reason') throw new Error(`${file}: unexpected header ${header?.join()}`);
  const tweets = loadComplaintTweets();
  const audit = new Map<number, number>();
  records.forEach(([rowText, labelText], i) => {
    const where = `${file} line ${i + 2}`;
    const row = Number(rowText);
    const tweet = tweets[row - 1];
    if (!tweet || tweet.row !== row || !isOrdinary(tweet)) throw new Error(`${where}: row ${rowText} is not an ordinary tweet`);
    if (isHeldOutOrdinary(tweet) !== heldOut) {
      throw new Error(
        `${where}: row ${row} is ${heldOut ? 'a training row, not held out' : 'held out and must not be relabelled for training'}`,
      );
    }
    if (labelText !== '0' && labelText !== '1') throw new Error(`${where}: label must be 0 or 1, got ${labelText}`);
    if (audit.has(row)) throw new Error(`${where}: row ${row} listed twice`);
    audit.set(row, Number(labelText));
  });
  return audit;
}
