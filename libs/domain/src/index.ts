/**
 * `@carebridge/domain`: what every service's domain code (use cases, event handlers, jobs) shares and
 * nothing of transport. Domain errors — bad input naming the field and the rule, not found, conflict,
 * forbidden — carry the platform's error codes and details but do not depend on GraphQL; the service
 * kit turns them into GraphQL errors at the edge. Beside them the small rules written once for every
 * service: the UUID check, the phone number rule and its normal form, and the tolerance for reported
 * times that lie a little in the future.
 *
 * @packageDocumentation
 */
export * from './errors';
export * from './rules';
