/**
 * Two schemas that h's description names for `GET /groups/{id}/members` but that are not among the fixture's
 * copied files (`schemas/membership.yaml`, `schemas/pagination-meta.yaml`): the club catalog reads only each
 * membership's `userid` and `roles`. They are written here from the description's prose, so that the fake's
 * replies to that path are checked like every other: a membership is the member's `userid`, `username`,
 * `display_name`, their `roles` in the group (role names), the `actions` the reader may take on it, and when it
 * was made and changed. The pagination block is only said to be "metadata about this response"; it is left
 * open, and the extension asks for the unpaginated (legacy) form, which has none.
 */
export const MISSING_SCHEMAS: Record<string, Record<string, unknown>> = {
  'schemas/membership.yaml': {
    Membership: {
      type: 'object',
      properties: {
        authority: { type: 'string' },
        userid: { type: 'string' },
        username: { type: 'string' },
        display_name: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        actions: { type: 'array', items: { type: 'string' } },
        created: { type: 'string', format: 'date-time' },
        updated: { type: 'string', format: 'date-time' },
      },
    },
  },
  'schemas/pagination-meta.yaml': { PaginationMeta: { type: 'object' } },
};
