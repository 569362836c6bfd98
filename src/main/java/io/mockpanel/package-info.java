/** mockpanel: live mock interview panels for senior engineering leadership roles. */
@NullMarked
package io.mockpanel;

import org.jspecify.annotations.NullMarked;
