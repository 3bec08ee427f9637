/** kamkit's own texts for kamcmd's `warranty` and `license` built-ins (kamkit is MIT-licensed). */

export const WARRANTY_TEXT = `kamkit kamcmd comes with ABSOLUTELY NO WARRANTY, to the extent permitted by law.
It is provided "as is", without warranty of any kind, express or implied, including the
warranties of merchantability, fitness for a particular purpose and non-infringement.
In no event shall the authors be liable for any claim, damages or other liability
arising from the software or its use. See the MIT license ("license") for the terms.
`;

export const LICENSE_TEXT = `kamkit kamcmd is free software under the MIT license: you may use, copy, modify,
merge, publish, distribute, sublicense and sell copies of it, provided the copyright
notice and the permission notice are included in all copies or substantial portions.
There is no warranty (type "warranty").
`;
