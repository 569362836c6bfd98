package io.mockpanel.base;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure to reach the database (down, restarting, pool exhausted, connection cut) from
 * every other failure. Such a failure passes by itself, and nothing that was saved is lost, so
 * the user is told to try again instead of seeing an error page.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True when the failure, or anything that caused it, means the database could not be reached.
     * A conflict (optimistic or pessimistic locking) is not one: the services report those with
     * their own message.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException) {
                return false;
            }
            if (cause instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException // Hikari: no connection in time
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLTimeoutException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure came from talking to the database at all, whatever it says. Some
     * failures of a lost connection do not say so: when the statement fails on a connection that
     * just broke, the pool closes it, the rollback then fails with "Connection is closed", and
     * Spring reports that instead of the first failure. For those, only asking the database right
     * now tells an outage from a bug.
     */
    public static boolean involvesDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 is "connection exception"; 57P01 to 57P03 are the server shutting down,
     * crashed or still starting; 53300 is "too many connections".
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }
}
