/**
 * Print held-out metrics of the shipped triage models (complaint P/R/F1 + confusion matrix, category
 * macro-F1 + per-category F1):  npx tsx scripts/triage/evaluate.ts
 */
import { evaluateCategories, evaluateComplaints, formatCategoryReport, formatComplaintReport, heldOutTweets } from './evaluation';

const tweets = heldOutTweets();
console.log(formatComplaintReport(evaluateComplaints(tweets), tweets.length));
console.log('');
console.log(formatCategoryReport(evaluateCategories(tweets)));
