/** Login and account administration views. */
@NullMarked
package io.mockpanel.security.ui;

import org.jspecify.annotations.NullMarked;
