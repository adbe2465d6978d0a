import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { Customer } from '../customer/customer.entity';
import { CustomerStatus, CustomerTier, TravelDocumentKind, type TravelStyle } from '../customer/customer.enums';
import { TravelProposal } from './travel-proposal';

const DAY_MS = 86_400_000;

/** What the rules read about a customer besides the profile. */
interface History {
  passportExpiries: string[];
  loyaltyBalance: number;
  expiringCoupons: { code: string; validUntil: Date; value: string; currency: string | null; valueType: string }[];
  recentCategories: Map<string, string | null>;
  recentNeedsAt: Date | null;
}

const STYLE_IDEAS: Record<TravelStyle, { title: string; description: string }> = {
  LEISURE: { title: 'Relaxed holiday package', description: 'A flight-and-hotel package with free days and optional excursions.' },
  BUSINESS: { title: 'Business travel service', description: 'Flexible fares, lounge access and fast rebooking for business trips.' },
  FAMILY: { title: 'Family holiday', description: 'Family rooms, kids’ clubs and seats together on every flight.' },
  ADVENTURE: { title: 'Adventure tour', description: 'Small-group trekking or safari with an experienced guide.' },
  CULTURAL: { title: 'Guided cultural tour', description: 'Museums, heritage sites and a local guide in the customer’s language.' },
  BEACH: { title: 'Beach stay', description: 'A beachfront hotel with transfers included.' },
  CITY: { title: 'City break', description: 'A long weekend in a city with a central hotel.' },
  CRUISE: { title: 'Cruise', description: 'A cruise with shore excursions chosen for the customer.' },
  WELLNESS: { title: 'Wellness retreat', description: 'A spa hotel with treatments and healthy cuisine.' },
};

/** Complaint and inquiry categories that reveal a need the product range can meet. */
const CATEGORY_IDEAS: Record<string, { rule: string; title: string; description: string }> = {
  BAGGAGE: { rule: 'BAGGAGE_PROTECTION', title: 'Travel insurance with baggage cover', description: 'Covers delayed, lost and damaged baggage.' },
  FLIGHT_DELAY_CANCELLATION: { rule: 'FLEXIBLE_FARE', title: 'Flexible fare with rebooking protection', description: 'Free rebooking and a guaranteed alternative when a flight is cancelled.' },
  VISA_DOCUMENTS: { rule: 'VISA_SERVICE', title: 'Visa service', description: 'We check the documents and file the visa application for the customer.' },
  ACCOMMODATION: { rule: 'SELECTED_HOTELS', title: 'Hand-picked hotels with quality guarantee', description: 'Hotels we inspect, with a rebooking guarantee if the room is not as promised.' },
};

/**
 * Needs analysis (T-2.2): explainable proposals from the customer's preferences, history and tier.
 * Plain rules, no model: every proposal names the facts it came from.
 */
export class NeedsAnalysis {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async proposalsFor(customer: Customer): Promise<TravelProposal[]> {
    if (customer.status !== CustomerStatus.ACTIVE) return [];
    const now = this.clock.now();
    const history = await this.historyOf(customer.id, now);
    const proposals: TravelProposal[] = [];
    const prefs = customer.preferences ?? {};
    const styles = prefs.travelStyles ?? [];
    const budget = prefs.budgetBand ? ` in the ${prefs.budgetBand.toLowerCase().replace('_', '-')} range` : '';

    for (const expiry of history.passportExpiries) {
      const monthsLeft = (new Date(`${expiry}T00:00:00Z`).getTime() - now.getTime()) / (30 * DAY_MS);
      if (monthsLeft < 6) {
        proposals.push(proposal('PASSPORT_RENEWAL', 'Renew the passport before the next trip', 'Many countries require six months of passport validity on entry.',
          monthsLeft < 0 ? `The passport on file expired on ${expiry}.` : `The passport on file expires on ${expiry}, in less than six months.`, ['documents.expiresOn'], 95));
      }
    }
    for (const need of prefs.specialServiceNeeds ?? []) {
      proposals.push(proposal('SPECIAL_ASSISTANCE', `Pre-arranged assistance: ${need}`, 'Requested with the airline and hotels when booking, confirmed before departure.',
        `The profile records the special-service need "${need}".`, ['preferences.specialServiceNeeds'], 85));
    }
    for (const coupon of history.expiringCoupons) {
      const value = coupon.valueType === 'AMOUNT' ? `${coupon.value} ${coupon.currency}` : `${coupon.value}%`;
      proposals.push(proposal('COUPON_EXPIRING', `Use coupon ${coupon.code} (${value})`, 'Book before the coupon expires.',
        `The coupon expires on ${coupon.validUntil.toISOString().slice(0, 10)}.`, ['coupons'], 80));
    }
    (prefs.destinations ?? []).slice(0, 3).forEach((destination, index) => {
      const style = styles[0] ? STYLE_IDEAS[styles[0]].title.toLowerCase() : 'trip';
      proposals.push(proposal('DESTINATION', `${capitalise(style)} to ${destination}${budget}`, `A ${style} to ${destination} matched to the customer's preferences.`,
        `${destination} is among the customer's preferred destinations${styles[0] ? ` and they travel ${styles[0].toLowerCase()}` : ''}.`,
        ['preferences.destinations', ...(styles[0] ? ['preferences.travelStyles'] : []), ...(budget ? ['preferences.budgetBand'] : [])], 75 - index * 5));
    });
    if (!(prefs.destinations ?? []).length) {
      for (const style of styles.slice(0, 2)) {
        const idea = STYLE_IDEAS[style];
        proposals.push(proposal(`STYLE_${style}`, `${idea.title}${budget}`, idea.description, `The customer's travel style is ${style.toLowerCase()}.`,
          ['preferences.travelStyles', ...(budget ? ['preferences.budgetBand'] : [])], 65));
      }
    }
    for (const [category, reference] of history.recentCategories) {
      const idea = CATEGORY_IDEAS[category];
      if (!idea) continue;
      proposals.push(proposal(idea.rule, idea.title, idea.description,
        `The customer had a ${category.toLowerCase().replace(/_/g, ' ')} problem in the last 12 months${reference ? ` (${reference})` : ''}.`, ['interactions'], 60));
    }
    if (customer.tier === CustomerTier.VIP) {
      proposals.push(proposal('VIP_CONCIERGE', 'Personal travel concierge', 'One named planner for every trip, reachable around the clock.', 'The customer is VIP.', ['tier'], 70));
    } else if (customer.tier === CustomerTier.GOLD) {
      proposals.push(proposal('GOLD_UPGRADE', 'Cabin upgrade offer', 'A reduced-price upgrade to premium economy or business on the next long-haul flight.', 'The customer is GOLD.', ['tier'], 55));
    }
    if (history.loyaltyBalance >= 5000) {
      proposals.push(proposal('REDEEM_POINTS', 'Pay part of the next trip with points', 'Points can pay for upgrades, excursions or part of the fare.',
        `The customer has ${history.loyaltyBalance} points.`, ['loyaltyBalance'], 50));
    }
    if (history.recentNeedsAt) {
      proposals.push(proposal('FOLLOW_UP_NEEDS', 'Offer something for the needs recorded at the last follow-up', 'Read the follow-up notes and propose a matching product.',
        `New needs were recorded at a follow-up on ${history.recentNeedsAt.toISOString().slice(0, 10)}.`, ['followUps.newNeeds'], 60));
    }
    return proposals.sort((a, b) => b.score - a.score || a.rule.localeCompare(b.rule)).slice(0, 10);
  }

  private async historyOf(customerId: string, now: Date): Promise<History> {
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const [documents, balance, coupons, categories, needs] = await Promise.all([
      this.dataSource.query(`SELECT to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM travel_document WHERE customer_id = $1 AND kind = $2 AND expires_on IS NOT NULL`, [
        customerId,
        TravelDocumentKind.PASSPORT,
      ]),
      this.dataSource.query(`SELECT balance FROM loyalty_account WHERE customer_id = $1`, [customerId]),
      this.dataSource.query(
        `SELECT code, valid_until, value, currency, value_type FROM coupon WHERE customer_id = $1 AND status = 'ACTIVE' AND valid_until > $2 AND valid_until <= $3 ORDER BY valid_until`,
        [customerId, now, new Date(now.getTime() + 60 * DAY_MS)],
      ),
      this.dataSource.query(
        `SELECT DISTINCT ON (category) category, reference_number FROM interaction WHERE customer_id = $1 AND category IS NOT NULL AND occurred_at >= $2 ORDER BY category, occurred_at DESC`,
        [customerId, yearAgo],
      ),
      this.dataSource.query(`SELECT max(completed_at) AS at FROM follow_up WHERE customer_id = $1 AND new_needs IS NOT NULL AND completed_at >= $2`, [customerId, yearAgo]),
    ]);
    return {
      passportExpiries: documents.map((d: { expires_on: string }) => d.expires_on),
      loyaltyBalance: balance[0]?.balance ?? 0,
      expiringCoupons: coupons.map((c: { code: string; valid_until: Date; value: string; currency: string | null; value_type: string }) => ({
        code: c.code,
        validUntil: c.valid_until,
        value: c.value,
        currency: c.currency,
        valueType: c.value_type,
      })),
      recentCategories: new Map(categories.map((c: { category: string; reference_number: string | null }) => [c.category, c.reference_number])),
      recentNeedsAt: needs[0]?.at ?? null,
    };
  }
}

function proposal(rule: string, title: string, description: string, reason: string, basis: string[], score: number): TravelProposal {
  return { rule, title, description, reason, basis, score };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
