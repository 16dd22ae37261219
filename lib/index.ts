export * from './engagement-invitation';
export * from './invitation-props';
export * from './wire-values';
export * from './engagement';
export * from './engagement-props';
export { EngagementInvitationEventType } from './invitation-events';
