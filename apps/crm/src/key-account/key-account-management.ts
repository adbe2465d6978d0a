import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerProfiles } from '../customer/customer-profiles';
import type { CustomerTiers } from '../customer/customer-tiers';
import { TierRule } from '../customer/customer.enums';
import { KeyAccount, KeyAccountMember } from './key-account.entity';
import { KeyAccountStatus, type ServiceTerms } from './key-account.enums';
import { lockedKeyAccount } from './key-account-lookups';
import type { ServiceTermsAnnouncement } from './service-terms-announcement';
import type { AddKeyAccountMemberInput, CreateKeyAccountInput, RemoveKeyAccountMemberInput, ServiceTermsInput, UpdateKeyAccountInput } from './key-account.inputs';

/** Key accounts (T-2.4, A-3.4.3): their terms, account manager and members, whose tier rises to the account's. */
export class KeyAccountManagement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly tiers: CustomerTiers,
    private readonly clock: Clock,
    private readonly announcement: ServiceTermsAnnouncement,
  ) {}

  async create(input: CreateKeyAccountInput, by: Identity): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireUniqueName(manager, input.name.trim(), null);
      return manager.save(
        manager.create(KeyAccount, {
          name: input.name.trim(),
          kind: input.kind,
          status: KeyAccountStatus.ACTIVE,
          accountManagerId: input.accountManagerId.trim(),
          accountManagerName: input.accountManagerName?.trim() || null,
          serviceTerms: serviceTerms(input.serviceTerms),
          memberTier: input.memberTier,
          createdBy: by.userId,
          createdAt: this.clock.now(),
        }),
      );
    });
  }

  async update(input: UpdateKeyAccountInput): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await lockedKeyAccount(manager, input.id);
      if (input.name !== undefined) {
        await this.requireUniqueName(manager, input.name.trim(), account.id);
        account.name = input.name.trim();
      }
      if (input.accountManagerId !== undefined) account.accountManagerId = input.accountManagerId.trim();
      if (input.accountManagerName !== undefined) account.accountManagerName = input.accountManagerName?.trim() || null;
      const termsChanged = (input.serviceTerms !== undefined) || (input.status !== undefined && input.status !== account.status);
      if (input.serviceTerms !== undefined) account.serviceTerms = serviceTerms(input.serviceTerms);
      if (input.status !== undefined) account.status = input.status;
      if (termsChanged) await this.announcement.announceMembers(manager, account, this.clock.now());
      if (input.memberTier !== undefined && input.memberTier !== account.memberTier) {
        account.memberTier = input.memberTier;
        const members = await manager.findBy(KeyAccountMember, { keyAccountId: account.id });
        for (const member of members) await this.raiseMemberTier(manager, account, member.customerId);
      }
      return manager.save(account);
    });
  }

  async addMember(input: AddKeyAccountMemberInput, by: Identity): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await lockedKeyAccount(manager, input.keyAccountId);
      if (account.status !== KeyAccountStatus.ACTIVE) throw new ConflictError('The key account is closed', { currentStatus: account.status, allowedNext: [] });
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      const existing = await manager.findOneBy(KeyAccountMember, { customerId: customer.id });
      if (existing?.keyAccountId === account.id) return account;
      if (existing) throw BadUserInputError.field('input.customerId', 'one-account', 'already belongs to another key account; remove them there first');
      await manager.insert(KeyAccountMember, { keyAccountId: account.id, customerId: customer.id, position: input.position?.trim() || null, addedBy: by.userId, addedAt: this.clock.now() });
      await this.raiseMemberTier(manager, account, customer.id);
      await this.announcement.announce(manager, customer.id, account, this.clock.now());
      return account;
    });
  }

  async removeMember(input: RemoveKeyAccountMemberInput): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await lockedKeyAccount(manager, input.keyAccountId);
      const removed = await manager.delete(KeyAccountMember, { keyAccountId: account.id, customerId: input.customerId });
      if (!removed.affected) throw BadUserInputError.field('input.customerId', 'member', 'is not a member of this key account');
      await this.announcement.announce(manager, input.customerId, null, this.clock.now());
      return account;
    });
  }

  private raiseMemberTier(manager: EntityManager, account: KeyAccount, customerId: string): Promise<void> {
    return this.tiers.raise(manager, customerId, account.memberTier, TierRule.KEY_ACCOUNT, `member of the key account ${account.name}`);
  }

  private async requireUniqueName(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const [clash] = await manager.query(`SELECT id FROM key_account WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)`, [name, exceptId]);
    if (clash) throw BadUserInputError.field('input.name', 'unique', 'is already the name of another key account');
  }
}

function serviceTerms(input: ServiceTermsInput): ServiceTerms {
  const rules = input.compensationRules ?? [];
  rules.forEach((rule, index) => {
    const field = `input.serviceTerms.compensationRules.${index}`;
    const money = rule.kind === 'REFUND' || rule.kind === 'VOUCHER';
    if (money && (!rule.maxAmount || !rule.currency)) throw BadUserInputError.field(`${field}.maxAmount`, 'required', 'must give maxAmount and currency for a refund or voucher');
    if ((rule.kind === 'LOYALTY_POINTS' || rule.kind === 'MILES') && !rule.maxQuantity) throw BadUserInputError.field(`${field}.maxQuantity`, 'required', 'must give maxQuantity for points or miles');
  });
  return {
    responseTargetMinutes: input.responseTargetMinutes ?? (input.responseTimeHours ?? 4) * 60,
    dedicatedContact: input.dedicatedContact ? { userId: input.dedicatedContact.userId.trim(), name: input.dedicatedContact.name?.trim() || null } : null,
    compensationRules: rules.map((rule) => ({
      category: rule.category ?? null,
      kind: rule.kind,
      maxAmount: rule.maxAmount ? Number(rule.maxAmount).toFixed(2) : null,
      currency: rule.currency ?? null,
      maxQuantity: rule.maxQuantity ?? null,
      preApproved: rule.preApproved,
    })),
    dedicatedHotline: input.dedicatedHotline,
    discountPercent: input.discountPercent ?? null,
    customPlan: input.customPlan?.trim() || null,
    validUntil: input.validUntil ?? null,
  };
}
