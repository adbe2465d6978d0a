// The access log's entity lives in @carebridge/personal-data-access, shared with after-sales.
export { PersonalDataAccess } from '@carebridge/personal-data-access';
