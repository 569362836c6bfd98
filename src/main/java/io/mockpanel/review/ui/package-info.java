/** The review feature's views. */
@NullMarked
package io.mockpanel.review.ui;

import org.jspecify.annotations.NullMarked;
