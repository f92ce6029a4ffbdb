import type { Industry } from '../domain/industry';
import type { CategoryId } from '../domain/triage';

/**
 * The words of the built-in replies, per complaint category and brand industry. Each
 * category has product-neutral `generic` copy; an industry overrides only what needs its own
 * nouns (a flight, an order, a table, an account). Generic copy must never name a product:
 * it is the fallback for every industry.
 *
 * No copy promises a time: the frames add "within {replyTime}", the brand's own target.
 */
export interface ReplyCopy {
  /** Their problem, after "I'm so sorry " and "Sorry ". */
  problem: string;
  /** The same, after "We apologise that ". */
  formal: string;
  /** The one detail needed to act, asked for privately: "your booking reference". */
  need: string;
  /** A question for that detail that is safe to ask in public, when there is one. */
  ask?: string;
  /** A concrete public answer or next step. */
  answer: string;
  /** Safety line for the private message. */
  privateNote?: string;
}

export type CategoryCopy = { generic: ReplyCopy } & Partial<Record<Exclude<Industry, 'generic'>, Partial<ReplyCopy>>>;

const CARD_NOTE = "Please don't send your full card number: we never need it.";
const BANK_NOTE = 'Please never send your full card number, PIN or passcode: we will never ask for them.';

export const REPLY_COPY: Record<CategoryId, CategoryCopy> = {
  delivery_delay: {
    generic: {
      problem: "you're still waiting on us",
      formal: 'this has taken far longer than it should',
      need: "what you're waiting for and any reference you have",
      answer: "We're chasing it now and will post what we find right here.",
    },
    airline_travel: {
      problem: 'your flight was delayed',
      formal: 'your flight was delayed',
      need: 'your booking reference',
      ask: 'Which flight number and date are you travelling on?',
      answer: 'You can rebook or see your options under Manage booking on our website or app.',
    },
    restaurant_hospitality: {
      problem: 'your order took so long',
      formal: 'your order took far too long to arrive',
      need: 'the name and time on the order',
      ask: 'Which location did you order from, and roughly when?',
      answer: 'If it still has not reached you, the restaurant team will remake it or refund it.',
    },
    retail_ecommerce: {
      problem: "your order still hasn't arrived",
      formal: 'your order has not been delivered on time',
      need: 'your order number',
      answer: 'The tracking link in your order confirmation email shows where the parcel is right now.',
    },
    software_app: {
      problem: "the fix you're waiting for is taking so long",
      formal: 'the fix you are waiting for has been delayed',
      need: 'the email address on your account',
      ask: 'Which app version and device are you on?',
      answer: 'Our status page shows where the fix is and updates as soon as it ships.',
    },
    telecom_utilities: {
      problem: 'your installation is running late',
      formal: 'your installation has been delayed',
      need: 'your account number and the installation address',
      answer: 'You can check or move your installation appointment in your online account.',
    },
    banking_finance: {
      problem: 'your payment is taking so long',
      formal: 'your payment has been delayed',
      need: 'the date and amount of the payment',
      answer: "The payment's current status is shown under Payments in our app.",
      privateNote: BANK_NOTE,
    },
  },
  billing_refund: {
    generic: {
      problem: "you're still waiting for your money back",
      formal: 'your charge or refund has not been handled correctly',
      need: 'the date and amount of the charge',
      answer: 'Refunds always go back to the original payment method, and we can check where yours is.',
      privateNote: CARD_NOTE,
    },
    airline_travel: {
      need: 'your booking reference and the date of the charge',
      answer: 'You can request or track a refund for your flight under Manage booking on our website.',
    },
    restaurant_hospitality: {
      need: 'the date, time and amount of the bill',
      answer: 'If the bill was wrong, the manager on duty can correct it by phone or at your next visit.',
    },
    retail_ecommerce: {
      need: 'your order number and the date of the charge',
      answer: 'You can track your refund under Orders in your account.',
    },
    software_app: {
      need: 'the email address on your account',
      answer: 'Your invoices and refund status are under Billing in your account settings.',
    },
    telecom_utilities: {
      need: 'your account number and the date of the bill',
      answer: 'Your bill and any credits are shown under Billing in your online account.',
    },
    banking_finance: {
      problem: "a payment on your account isn't right",
      formal: 'a transaction on your account has not been handled correctly',
      need: 'the date and amount of the transaction',
      answer: 'You can dispute a transaction in the app: tap it, then Report a problem.',
      privateNote: BANK_NOTE,
    },
  },
  cancellation: {
    generic: {
      problem: "the cancellation hasn't been handled properly",
      formal: 'your cancellation has not been handled properly',
      need: 'the email address you used with us',
      answer: 'We can confirm the cancellation and any refund as soon as we have found your details.',
    },
    airline_travel: {
      problem: 'your flight was cancelled',
      formal: 'your flight was cancelled',
      need: 'your booking reference',
      ask: 'Which flight number and date were you booked on?',
      answer: 'You can rebook for free or request a refund under Manage booking on our website or app.',
    },
    restaurant_hospitality: {
      problem: 'your booking was cancelled',
      formal: 'your reservation was cancelled',
      need: 'the name, date and time of your booking',
      answer: "Reply with the date you'd like and we will hold a table for you.",
    },
    retail_ecommerce: {
      problem: 'cancelling your order has been this difficult',
      formal: 'your order cancellation has not been completed',
      need: 'your order number',
      answer: "Orders that haven't shipped can be cancelled under Orders in your account, with a full refund.",
    },
    software_app: {
      problem: 'cancelling your subscription has been this difficult',
      formal: 'your cancellation request has not been completed',
      need: 'the email address on your account',
      answer: 'You can cancel under Settings, Billing; you keep access until the period ends.',
    },
    telecom_utilities: {
      problem: 'cancelling your contract has been this difficult',
      formal: 'your cancellation request has not been completed',
      need: 'your account number',
      answer: 'You can start your cancellation under My account, Contract in your online account.',
    },
    banking_finance: {
      problem: 'closing your account has been this difficult',
      formal: 'your account closure has not been completed',
      need: 'your full name and the type of account',
      answer: 'You can close an account in the app under Settings, Close account, once the balance is zero.',
      privateNote: BANK_NOTE,
    },
  },
  lost_damaged: {
    generic: {
      problem: 'something went missing or arrived damaged',
      formal: 'something of yours was lost or damaged',
      need: 'a photo of any damage and any reference you have',
      answer: 'Anything we lost or damaged gets replaced or refunded once we have the details.',
    },
    airline_travel: {
      problem: 'your bag went missing or was damaged',
      formal: 'your baggage was lost or damaged',
      need: 'your bag tag number and booking reference',
      answer: 'You can track a delayed bag or file a damage claim under Baggage on our website.',
    },
    restaurant_hospitality: {
      problem: 'your order arrived wrong or incomplete',
      formal: 'your order arrived incorrect or incomplete',
      need: 'the name and time on the order',
      answer: 'Anything missing or wrong will be refunded or remade: the restaurant team can do it straight away.',
    },
    retail_ecommerce: {
      problem: 'your order went missing or arrived damaged',
      formal: 'your order was lost or damaged',
      need: 'your order number and a photo of any damage',
      answer: 'You can report a missing or damaged parcel under Orders in your account for a replacement or refund.',
    },
    software_app: {
      problem: "you've lost work or data",
      formal: 'you have lost data',
      need: 'the email address on your account and roughly when it happened',
      answer: 'Deleted items stay in Trash for a while and can often be restored from there.',
    },
    telecom_utilities: {
      problem: 'your equipment went missing or arrived damaged',
      formal: 'your equipment was lost or damaged',
      need: 'your account number and a photo of any damage',
      answer: 'You can request replacement equipment under My account, Equipment.',
    },
    banking_finance: {
      problem: 'your card went missing',
      formal: 'your card has been lost',
      need: 'your full name and when you last had the card',
      answer: 'Freeze your card straight away in the app under Cards, then request a new one there.',
      privateNote: BANK_NOTE,
    },
  },
  staff_service: {
    generic: {
      problem: 'about how you were treated',
      formal: 'the service you received from our team fell short',
      need: 'when and where it happened',
      ask: 'When and where did this happen?',
      answer: 'Every report like this goes to the manager responsible, and yours will too.',
    },
    airline_travel: { problem: 'about how our crew treated you', ask: 'Which flight was it, and on what date?' },
    restaurant_hospitality: {
      problem: 'about how you were treated during your visit',
      ask: 'Which location did you visit, and at roughly what time?',
    },
    retail_ecommerce: { problem: 'about how you were treated in store', ask: 'Which store was it, and roughly when?' },
    software_app: { problem: 'about how our support team treated you', ask: 'Roughly when did you contact us, and by email or chat?' },
    telecom_utilities: {
      problem: 'about how our support team treated you',
      ask: 'Roughly when did you speak to us, and by phone or chat?',
    },
    banking_finance: {
      problem: 'about how our team treated you',
      ask: 'Was it in a branch, by phone or in chat, and roughly when?',
      privateNote: BANK_NOTE,
    },
  },
  product_defect: {
    generic: {
      problem: "it isn't working the way it should",
      formal: 'what you bought is not working as it should',
      need: 'a photo or short video of the fault',
      answer: 'Anything faulty can be repaired, replaced or refunded, and we will set that up with you.',
    },
    airline_travel: {
      problem: "something on board wasn't working",
      formal: 'the facilities on board did not work as they should',
      need: 'your booking reference and seat number',
      ask: 'Which flight and seat were you in?',
      answer: 'We log every fault like this so it is fixed before that aircraft flies again.',
    },
    restaurant_hospitality: {
      problem: "your food wasn't right",
      formal: 'your meal was not up to standard',
      need: 'the date, time and location of your visit',
      ask: 'Which location was it, and what did you order?',
      answer: 'Tell the team on duty and they will replace the dish or take it off the bill.',
    },
    retail_ecommerce: {
      problem: "your purchase isn't working the way it should",
      formal: 'your product is not performing as it should',
      need: 'your order number and a photo of the fault',
      answer: 'Faulty items can be returned for a repair, replacement or refund under Orders in your account.',
    },
    software_app: {
      problem: "the app isn't working the way it should",
      formal: 'the app is not working as it should',
      need: 'your device, app version and a screenshot',
      ask: 'Which device and app version are you on?',
      answer: 'Updating to the latest version from your app store fixes most issues like this.',
    },
    telecom_utilities: {
      problem: "your equipment isn't working properly",
      formal: 'your equipment is not working properly',
      need: 'your account number',
      ask: 'Which lights are showing on your router right now?',
      answer: 'Restarting the router clears most faults; if it does not, we can send an engineer.',
    },
    banking_finance: {
      problem: "your card or app isn't working the way it should",
      formal: 'your card or app is not working as it should',
      need: 'what you see on screen and the device you use',
      answer: 'Updating the app and restarting your phone fixes most issues like this.',
      privateNote: BANK_NOTE,
    },
  },
  account_login: {
    generic: {
      problem: "you're locked out of your account",
      formal: 'you are unable to access your account',
      need: 'the email address or username on the account',
      answer: 'You can reset your password with the Forgot password link on the sign-in page.',
      privateNote: 'Please never send your password: we will never ask for it.',
    },
    banking_finance: {
      need: 'your full name and the phone number on the account',
      answer: 'You can reset your passcode in the app with your card and your phone.',
      privateNote: BANK_NOTE,
    },
  },
  booking: {
    generic: {
      problem: 'your appointment went wrong',
      formal: 'there has been a problem with your appointment',
      need: 'the name and date of the appointment',
      answer: 'You can check or change your appointment in your account.',
    },
    airline_travel: {
      problem: 'your booking has gone wrong',
      formal: 'there has been a problem with your booking',
      need: 'your booking reference',
      ask: 'Which flight number and date is the booking for?',
      answer: 'You can check and change your booking under Manage booking on our website or app.',
    },
    restaurant_hospitality: {
      problem: 'your table booking went wrong',
      formal: 'there has been a problem with your reservation',
      need: 'the name, date and time of the booking',
      ask: 'Which location and date was the booking for?',
      answer: "Reply with the date you'd like and we will hold a table for you.",
    },
    telecom_utilities: {
      problem: 'your engineer appointment went wrong',
      formal: 'there has been a problem with your engineer appointment',
      need: 'your account number',
      answer: 'You can check or move your engineer appointment in your online account.',
    },
    banking_finance: {
      problem: 'your branch appointment went wrong',
      formal: 'there has been a problem with your branch appointment',
      answer: 'You can check or move branch appointments in the app under Appointments.',
      privateNote: BANK_NOTE,
    },
  },
  outage: {
    generic: {
      problem: 'our service is down for you',
      formal: 'you are experiencing a service disruption',
      need: 'what you see on screen and which device you use',
      ask: 'What do you see on screen, and on which device?',
      answer: 'Our status page has live updates on the disruption.',
    },
    airline_travel: {
      problem: "our website and app aren't working for you",
      formal: 'our website and app are not working for you',
      answer: 'Our status page has live updates, and check-in is still open at the airport desks.',
    },
    restaurant_hospitality: {
      problem: "online ordering isn't working for you",
      formal: 'online ordering is unavailable',
      answer: 'While we fix it, you can still order by phone or at the counter.',
    },
    retail_ecommerce: {
      problem: "our website isn't working for you",
      formal: 'our website is not working for you',
      answer: 'Our status page has live updates, and your basket is saved while we fix it.',
    },
    software_app: {
      problem: 'the app is down for you',
      formal: 'the app is unavailable',
      answer: 'Our status page has live updates on the outage.',
    },
    telecom_utilities: {
      problem: 'your service is down',
      formal: 'your service is disrupted',
      ask: 'Is it broadband, mobile or TV, and which town are you in?',
      answer: 'You can check for outages in your area on our service status page.',
    },
    banking_finance: {
      problem: "online banking isn't working for you",
      formal: 'online banking is not working for you',
      answer: 'Your money is safe, card payments still work, and our status page has live updates.',
      privateNote: BANK_NOTE,
    },
  },
  app_bug: {
    generic: {
      problem: 'our app or website is misbehaving for you',
      formal: 'our app or website is misbehaving for you',
      need: 'the steps to repeat it, a screenshot of any error, and your device and browser',
      ask: 'What were you doing when it went wrong, and on which device and browser?',
      answer: 'Known bugs are on our status page; signing out and in, or another browser, often helps.',
    },
    airline_travel: {
      problem: 'our website or app is misbehaving for you',
      formal: 'our website or app is not working correctly for you',
      answer: 'Known bugs are on our status page; the airport desks can change bookings meanwhile.',
    },
    restaurant_hospitality: {
      problem: 'online ordering is misbehaving for you',
      formal: 'online ordering is not working correctly for you',
      answer: 'Known bugs are on our status page; you can still order by phone or at the counter.',
    },
    retail_ecommerce: {
      problem: 'our website is misbehaving for you',
      formal: 'our website is not working correctly for you',
      need: 'the steps to repeat it, a screenshot of any error, and your browser',
      answer: 'Known bugs are on our status page; another browser usually works, and your basket is saved.',
    },
    software_app: {
      problem: 'the app is misbehaving for you',
      formal: 'the app is not working correctly for you',
      need: 'the steps to repeat it, a screenshot, and your device and app version',
      ask: 'Which device and app version, and what were you doing when it happened?',
      answer: 'Known bugs are on our status page; updating to the latest version fixes most of them.',
    },
    telecom_utilities: {
      problem: 'our app or online account is misbehaving for you',
      formal: 'our app or online account is not working correctly for you',
      answer: 'Known bugs are on our status page; you can still manage your account by phone.',
    },
    banking_finance: {
      problem: 'our app or online banking is misbehaving for you',
      formal: 'our app or online banking is misbehaving for you',
      need: 'what you see on screen and your device and app version',
      answer: 'Your money is safe; known bugs are on our status page, and updating the app fixes most.',
      privateNote: BANK_NOTE,
    },
  },
  other: {
    generic: {
      problem: "about the trouble you've had with us",
      formal: 'your experience with us fell short',
      need: 'a few details of what happened',
      ask: 'Could you tell us a little more about what happened?',
      answer: 'Tell us what would put this right and we will do what we can.',
    },
  },
};

/** The copy for a category as a brand of `industry` reads it (generic words where it has none of its own). */
export function replyCopy(category: CategoryId, industry: Industry, table: Record<CategoryId, CategoryCopy> = REPLY_COPY): ReplyCopy {
  const copies = table[category];
  return industry === 'generic' ? copies.generic : { ...copies.generic, ...copies[industry] };
}

/** Industries with copy of their own for `category`. */
export function industriesWithCopy(
  category: CategoryId,
  table: Record<CategoryId, CategoryCopy> = REPLY_COPY,
): Exclude<Industry, 'generic'>[] {
  return (Object.keys(table[category]) as (keyof CategoryCopy)[]).filter((key): key is Exclude<Industry, 'generic'> => key !== 'generic');
}
