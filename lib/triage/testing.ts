// Test-only data for the learning layer.

/** "Stock check" questions the shipped model calls complaints and a team may not (invented posts). */
export const STOCK_QUESTIONS = [
  '@AcmeHelp is the blue jacket still not back in stock in size M?',
  '@AcmeHelp still no restock date for the linen shirt in large?',
  'Acme when will the grey hoodie be back in stock, still nothing online',
  '@AcmeHelp any news on the trainers restock? still showing sold out',
  'Acme the wool coat is still out of stock in medium, when is it back?',
  '@AcmeHelp still waiting to see the black jeans back in stock in 32',
];
