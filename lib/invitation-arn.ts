// The response ARN of CreateEngagementInvitation (model pattern), shared by the construct's import and the handler.
// Free of aws-cdk-lib so the handler bundle stays small.

/** `arn:aws:partnercentral::<account>:<Catalog>/engagement-invitation/<id>`; group 1 is the id. */
export const INVITATION_ARN_PATTERN = /^arn:aws:partnercentral::[0-9]{12}:[a-zA-Z]+\/engagement-invitation\/(engi-[0-9,a-z]{13})$/;
