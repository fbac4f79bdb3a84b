/**
 * Multinomial and binary logistic regression fitted by SAGA, as scikit-learn 1.2.1 fits it
 * ({@link io.github.sparselr.linear.SagaSolver}; the algorithm in our words: {@code docs/saga.md}).
 *
 * <h2>Which loop runs</h2>
 * Nearly all of a fit's time goes into one pass per sample over the weights: iteration t's
 * correction and gradient sums, iteration t+1's lazy update and the prediction of t+1's sample
 * ({@code docs/saga.md} §6). Its loop is chosen once per fit, in
 * {@link io.github.sparselr.linear.FusedPass#choose}, from three facts that never change within a fit;
 * every choice gives the same bits.
 *
 * <table>
 * <caption>The fused pass of a fit</caption>
 * <tr><th>lanes available ({@code SagaLanes}) and coefficient rows ≥ 2 (three or more classes)</th>
 *     <th>L1 part (penalty l1, elasticnet)</th><th>wscale factor ≠ 1.0 (penalty l2, elasticnet)</th>
 *     <th>{@code FusedPass}</th><th>loop</th></tr>
 * <tr><td>yes</td><td>no</td><td>no</td><td>LANES</td><td>{@code VectorFusedLoops.pass}, 4 classes per 256-bit vector</td></tr>
 * <tr><td>yes</td><td>no</td><td>yes</td><td>LANES_DIVIDE</td><td>the same, dividing by wscale</td></tr>
 * <tr><td>yes</td><td>yes</td><td>no</td><td>LANES_PROX</td><td>the same, soft thresholding</td></tr>
 * <tr><td>yes</td><td>yes</td><td>yes</td><td>LANES_PROX_DIVIDE</td><td>the same, both</td></tr>
 * <tr><td>no</td><td>no</td><td>either</td><td>SCALAR_PLAIN</td><td>{@code FusedLoops.plain} (divides; by 1.0 without L2)</td></tr>
 * <tr><td>no</td><td>yes</td><td>no</td><td>SCALAR_PROX</td><td>{@code FusedLoops.prox}</td></tr>
 * <tr><td>no</td><td>yes</td><td>yes</td><td>SCALAR_PROX_DIVIDE</td><td>{@code FusedLoops.proxDivide}</td></tr>
 * </table>
 *
 * <p>The lanes are available when the JVM resolves {@code jdk.incubator.vector}, the hardware runs
 * 256-bit double vectors natively, the start-up self-test finds the scalar loops' bits, and the
 * system property {@code sparselr.saga.vectorLanes} is not {@code false}. Binary fits (one
 * coefficient row) always run the scalar loops: one class would fill a quarter of each vector.
 *
 * <p>The lanes are 256 bits wide on every CPU, 512-bit ones included: on an AMD EPYC (Zen 4, which
 * splits each 512-bit operation in two) 512-bit groups measured slower than 256-bit ones, and JDK 17
 * falls back from its intrinsics when 512-bit groups share a pass with 128- or 256-bit ones
 * ({@code docs/saga.md} §11).
 *
 * <p>The other loops of the kernel (the catch-up before the first sample of an epoch and after a
 * mid-epoch rescale, and the end-of-epoch catch-up) run a few times per epoch and are scalar.
 */
package io.github.sparselr.linear;
