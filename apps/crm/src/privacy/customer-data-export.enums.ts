import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CustomerDataExportStatus {
  COLLECTING = 'COLLECTING',
  COMPLETE = 'COMPLETE',
  INCOMPLETE = 'INCOMPLETE',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CustomerDataExportStatus, {
  name: 'CustomerDataExportStatus',
  description: 'COLLECTING until every service sent its part; INCOMPLETE when one had not by the deadline (a late part still completes it); EXPIRED once the parts were deleted.',
});

export enum CustomerDataExportPartStatus {
  PENDING = 'PENDING',
  PREPARED = 'PREPARED',
}
registerEnumType(CustomerDataExportPartStatus, { name: 'CustomerDataExportPartStatus' });

/** What one service reported about its part: how many records, and when. */
export interface PreparedPart {
  recordCount: number;
  preparedAt: string;
}

@ObjectType({ description: "One service's part of an export." })
export class CustomerDataExportPart {
  @Field({ description: 'crm, complaint, inquiry, …' })
  service: string;

  @Field(() => CustomerDataExportPartStatus)
  status: CustomerDataExportPartStatus;

  @Field(() => Int, { nullable: true })
  recordCount: number | null;

  @Field(() => Date, { nullable: true })
  preparedAt: Date | null;
}
