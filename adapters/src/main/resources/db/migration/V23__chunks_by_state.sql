-- The pipeline finds chunks by batch, status and whether their result was taken, oldest first:
-- the queued chunks to claim, the computed ones not fetched yet. With fetched in the index those
-- lookups read only the chunks still in a buffer, not every chunk the batch ever had, so a claim or
-- a fetch costs the same in the ten-thousandth chunk of a batch as in its first.
DROP INDEX chunks_by_status;
CREATE INDEX chunks_by_state ON chunks (batch_id, status, fetched, seq);
