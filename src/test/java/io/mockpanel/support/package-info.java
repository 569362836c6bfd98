/** Test support: database selection, signed-in users, Karibu setup. */
package io.mockpanel.support;
