import { BadUserInputError } from '@carebridge/domain';
import { CouponValueType } from './loyalty.enums';

/** AMOUNT coupons have a currency; PERCENTAGE coupons none, and at most 100. */
export function checkValue(valueType: CouponValueType, value: string, currency: string | null, path: string): void {
  if (!(Number(value) > 0)) throw BadUserInputError.field(`${path}.value`, 'positive', 'must be greater than 0');
  if (valueType === CouponValueType.AMOUNT && !currency) throw BadUserInputError.field(`${path}.currency`, 'required', 'must be given for an AMOUNT coupon');
  if (valueType === CouponValueType.PERCENTAGE && currency) throw BadUserInputError.field(`${path}.currency`, 'absent', 'must be left out for a PERCENTAGE coupon');
  if (valueType === CouponValueType.PERCENTAGE && Number(value) > 100) throw BadUserInputError.field(`${path}.value`, 'percentage', 'must be at most 100 percent');
}
