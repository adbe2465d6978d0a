import { CONTACT_DETAIL_ROLES, CUSTOMER_ROLE, hasAnyRole, isCustomerCaller, isRole, ROLES, type Role, STAFF_ROLES } from './roles';

describe('roles', () => {
  it('knows the roles of a customer-service department', () => {
    expect(STAFF_ROLES).toEqual(['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales', 'trainer', 'analyst', 'integration', 'admin']);
    expect(ROLES).toEqual([...STAFF_ROLES, 'customer']);
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const other of ['Agent', 'root', '', 'admin ', 'toString', '__proto__']) expect(isRole(other)).toBe(false);
  });

  describe('hasAnyRole', () => {
    const caller = (...roles: Role[]) => ({ userId: 'u', roles });

    it('passes a caller with one of the roles', () => {
      expect(hasAnyRole(caller('agent'), ['agent', 'crm_manager'])).toBe(true);
      expect(hasAnyRole(caller('trainer', 'crm_manager'), ['crm_manager'])).toBe(true);
    });

    it('refuses a caller with none of the roles, or no caller', () => {
      expect(hasAnyRole(caller('analyst'), ['agent', 'crm_manager'])).toBe(false);
      expect(hasAnyRole(caller(), ['agent'])).toBe(false);
      expect(hasAnyRole(undefined, ['agent'])).toBe(false);
      expect(hasAnyRole(caller('agent'), [])).toBe(false);
    });

    it('passes admin everywhere', () => {
      for (const role of ROLES) expect(hasAnyRole(caller('admin'), [role])).toBe(true);
      expect(hasAnyRole(caller('admin'), [])).toBe(true);
      expect(hasAnyRole(caller('analyst', 'admin'), CONTACT_DETAIL_ROLES)).toBe(true);
    });
  });

  it('knows a customer caller by its one role, which no staff check lets through', () => {
    const customer = { userId: '7d1c2c6e-3f7a-4a59-9d57-2b8f6f1f0a11', roles: [CUSTOMER_ROLE] as Role[] };
    expect(isCustomerCaller(customer)).toBe(true);
    expect(isCustomerCaller({ userId: 'u', roles: ['agent'] })).toBe(false);
    expect(isCustomerCaller(undefined)).toBe(false);
    for (const role of STAFF_ROLES) expect(hasAnyRole(customer, [role])).toBe(false);
    expect(hasAnyRole(customer, CONTACT_DETAIL_ROLES)).toBe(false);
    expect(hasAnyRole(customer, [CUSTOMER_ROLE])).toBe(true);
  });

  it('gives contact details to the roles that answer customers, not to analysts or trainers', () => {
    expect([...CONTACT_DETAIL_ROLES].sort()).toEqual(['after_sales', 'agent', 'complaint_specialist', 'crm_manager', 'supervisor']);
    expect(CONTACT_DETAIL_ROLES).not.toContain('analyst');
    expect(CONTACT_DETAIL_ROLES).not.toContain('trainer');
  });
});
