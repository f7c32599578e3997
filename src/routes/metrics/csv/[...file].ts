/**
 * `/metrics/csv/<period>/[<product>/]<chart>.csv` (internal only): each chart's data table as CSV,
 * the rows and columns of the table under the chart. Built with the metrics views.
 */
import { fileRoute } from '../../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/metrics/csv/[...file]');
