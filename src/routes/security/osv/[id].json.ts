/** `/security/osv/<id>.json`: one advisory as an OSV record, for scanners (src/security/osv.ts). */
import { fileRoute } from '../../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/security/osv/[id].json');
