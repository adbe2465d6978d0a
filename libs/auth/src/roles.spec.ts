import { CONTACT_DETAIL_ROLES, hasAnyRole, isRole, ROLES, type Role } from './roles';

describe('roles', () => {
  it('knows the roles of a customer-service department', () => {
    expect(ROLES).toEqual(['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales', 'trainer', 'analyst', 'integration', 'admin']);
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

  it('gives contact details to the roles that answer customers, not to analysts or trainers', () => {
    expect([...CONTACT_DETAIL_ROLES].sort()).toEqual(['after_sales', 'agent', 'complaint_specialist', 'crm_manager', 'supervisor']);
    expect(CONTACT_DETAIL_ROLES).not.toContain('analyst');
    expect(CONTACT_DETAIL_ROLES).not.toContain('trainer');
  });
});
