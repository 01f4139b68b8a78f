// stripe-node against the sandbox's API port, configured as stripe-node users configure stripe-mock: host, port and
// protocol only. Usage: STRIPE_KEY=sk_test_... SANDBOX_PORT=12111 node stripe-node-check.mjs
// Prints one JSON line with what it saw; exits non-zero if a call fails unexpectedly.
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY, {
  host: '127.0.0.1', port: Number(process.env.SANDBOX_PORT), protocol: 'http', maxNetworkRetries: 0,
});

const customer = await stripe.customers.create({email: 'ada@example.com', name: 'Ada Lovelace'});
const intent = await stripe.paymentIntents.create({
  amount: 2500, currency: 'usd', payment_method_types: ['card'], customer: customer.id,
});
const confirmed = await stripe.paymentIntents.confirm(intent.id, {payment_method: 'pm_card_visa'});
const listed = await stripe.paymentIntents.list({customer: customer.id, expand: ['data.latest_charge']});
let error = null;
try {
  await stripe.customers.retrieve('cus_missing');
} catch (e) {
  error = {type: e.type, statusCode: e.statusCode, code: e.code, param: e.param};
}
console.log(JSON.stringify({
  customer: customer.id,
  status: confirmed.status,
  listed: listed.data.map(each => each.id),
  latestChargeAmount: listed.data[0]?.latest_charge?.amount,
  error,
}));
