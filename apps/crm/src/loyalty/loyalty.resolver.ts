import { caller, type Connection, ConnectionLoader, ConnectionType, ListArgs, listSize, PageArgs, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { Campaign } from './campaign.entity';
import { CampaignGrantPlan } from './campaign.enums';
import type { CampaignQueries } from './campaign-queries';
import type { CouponIssuing } from './coupon-issuing';
import type { CouponRedemption } from './coupon-redemption';
import type { LoyaltyLedger } from './loyalty-ledger';
import type { LoyaltyQueries } from './loyalty-queries';
import {
  AdjustLoyaltyPointsInput,
  CampaignsArgs,
  CouponsArgs,
  CreateCampaignInput,
  EarnLoyaltyPointsInput,
  EndCampaignInput,
  IssueCouponInput,
  LaunchCampaignInput,
  RedeemCouponInput,
  RedeemLoyaltyPointsInput,
} from './loyalty.inputs';
import { Coupon, LoyaltyEntry, MilesEntry } from './loyalty.entity';
import type { RewardCampaigns } from './reward-campaigns';

/** The loyalty use cases the resolvers call. */
export interface LoyaltyUseCases {
  ledger: LoyaltyLedger;
  couponIssuing: CouponIssuing;
  couponRedemption: CouponRedemption;
  rewardCampaigns: RewardCampaigns;
  campaignQueries: CampaignQueries;
  queries: LoyaltyQueries;
}

const LoyaltyEntryConnection = ConnectionType(LoyaltyEntry);
const CampaignConnection = ConnectionType(Campaign);

@Resolver(() => LoyaltyEntry)
export class LoyaltyResolver {
  constructor(private readonly loyalty: LoyaltyUseCases) {}

  @Authorized('agent', 'crm_manager')
  @Mutation(() => LoyaltyEntry, { description: 'Credits points (e.g. for a booking); the idempotency key books it once.' })
  earnLoyaltyPoints(@Arg('input') input: EarnLoyaltyPointsInput, @Ctx() context: RequestContext): Promise<LoyaltyEntry> {
    return this.loyalty.ledger.earn(input, caller(context));
  }

  @Authorized('agent', 'crm_manager')
  @Mutation(() => LoyaltyEntry, { description: 'Spends points; never more than the balance.' })
  redeemLoyaltyPoints(@Arg('input') input: RedeemLoyaltyPointsInput, @Ctx() context: RequestContext): Promise<LoyaltyEntry> {
    return this.loyalty.ledger.redeem(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => LoyaltyEntry, { description: 'Corrects a balance up or down, with the reason.' })
  adjustLoyaltyPoints(@Arg('input') input: AdjustLoyaltyPointsInput, @Ctx() context: RequestContext): Promise<LoyaltyEntry> {
    return this.loyalty.ledger.adjust(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => Coupon, { description: 'Issues a coupon by hand: a value or a percentage, valid for a period, with conditions.' })
  issueCoupon(@Arg('input') input: IssueCouponInput, @Ctx() context: RequestContext): Promise<Coupon> {
    return this.loyalty.couponIssuing.issueByHand(input, caller(context));
  }

  @Authorized('agent', 'crm_manager', 'after_sales')
  @Mutation(() => Coupon, { description: 'Redeems a coupon by its code, once.' })
  redeemCoupon(@Arg('input') input: RedeemCouponInput, @Ctx() context: RequestContext): Promise<Coupon> {
    return this.loyalty.couponRedemption.redeem(input, caller(context));
  }
}

@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(private readonly loyalty: LoyaltyUseCases) {}

  @Authorized('crm_manager', 'analyst', 'agent')
  @Query(() => CampaignConnection, { description: 'Reward campaigns, newest first.' })
  campaigns(@Args() args: CampaignsArgs): Promise<Connection<Campaign>> {
    return this.loyalty.campaignQueries.list(args);
  }

  @Authorized('crm_manager', 'analyst', 'agent')
  @Query(() => Campaign, { nullable: true })
  campaign(@Arg('id', () => ID) id: string): Promise<Campaign | null> {
    return this.loyalty.campaignQueries.findById(id);
  }

  @Authorized('crm_manager')
  @Mutation(() => Campaign, { description: 'A reward campaign in DRAFT: segment, points and/or coupon, period.' })
  createCampaign(@Arg('input') input: CreateCampaignInput, @Ctx() context: RequestContext): Promise<Campaign> {
    return this.loyalty.rewardCampaigns.create(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => Campaign, { description: 'Starts granting: the campaign-rewards job rewards every customer of the segment once. Campaign.grantPlan says what it will grant, to how many customers and when.' })
  launchCampaign(@Arg('input') input: LaunchCampaignInput): Promise<Campaign> {
    return this.loyalty.rewardCampaigns.launch(input);
  }

  @Authorized('crm_manager')
  @Mutation(() => Campaign)
  endCampaign(@Arg('input') input: EndCampaignInput): Promise<Campaign> {
    return this.loyalty.rewardCampaigns.end(input);
  }

  @FieldResolver(() => Int, { description: 'Customers rewarded so far.' })
  grantedCount(@Root() campaign: Campaign): Promise<number> {
    return this.loyalty.campaignQueries.grantedCount(campaign.id);
  }

  @FieldResolver(() => CampaignGrantPlan, { description: 'What the campaign will grant and when, from now on (launchCampaign answers with it).' })
  grantPlan(@Root() campaign: Campaign): Promise<CampaignGrantPlan> {
    return this.loyalty.campaignQueries.grantPlan(campaign);
  }

  @FieldResolver(() => Int, { description: 'Active customers in the segment now.' })
  segmentSize(@Root() campaign: Campaign): Promise<number> {
    return this.loyalty.campaignQueries.segmentSize(campaign);
  }
}

@Resolver(() => Customer)
export class CustomerLoyaltyResolver {
  private readonly balances: RequestLoader<string, number>;
  private readonly milesBalances: RequestLoader<string, number>;
  private readonly ledgers: ConnectionLoader<LoyaltyEntry>;

  constructor(private readonly loyalty: LoyaltyUseCases) {
    this.balances = new RequestLoader((ids) => loyalty.queries.balancesOf(ids));
    this.milesBalances = new RequestLoader((ids) => loyalty.queries.milesBalancesOf(ids));
    this.ledgers = new ConnectionLoader(
      (customerIds, page, counted) => loyalty.queries.firstLedgerPages(customerIds, page, counted),
      (customerId, page) => loyalty.queries.ledger(customerId, page),
    );
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'Points balance: the sum of the ledger.' })
  loyaltyBalance(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<number> {
    return this.balances.load(context, customer.id);
  }

  @Authorized('agent', 'crm_manager', 'complaint_specialist', 'after_sales', 'analyst')
  @FieldResolver(() => LoyaltyEntryConnection, { description: 'The points ledger, newest first.' })
  loyaltyLedger(@Root() customer: Customer, @Args() page: PageArgs, @Ctx() context: RequestContext): Promise<Connection<LoyaltyEntry>> {
    return this.ledgers.load(context, customer.id, page);
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'Miles balance: the sum of the miles ledger (a unit of its own, beside points).' })
  milesBalance(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<number> {
    return this.milesBalances.load(context, customer.id);
  }

  @Authorized('agent', 'crm_manager', 'complaint_specialist', 'after_sales', 'analyst')
  @FieldResolver(() => [MilesEntry], { description: 'The miles ledger, newest first; at most `first` entries (bounded list).' })
  milesLedger(@Root() customer: Customer, @Args() list: ListArgs): Promise<MilesEntry[]> {
    return this.loyalty.queries.milesLedger(customer.id, listSize(list));
  }

  @Authorized('agent', 'crm_manager', 'complaint_specialist', 'after_sales', 'analyst')
  @FieldResolver(() => [Coupon], { description: "The customer's coupons, newest first; at most `first` of them (bounded list)." })
  coupons(@Root() customer: Customer, @Args() args: CouponsArgs): Promise<Coupon[]> {
    return this.loyalty.queries.couponsOf(customer.id, args.status, listSize(args));
  }
}
