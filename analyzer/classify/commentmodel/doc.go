// Package commentmodel is a small multinomial logistic regression over
// named, sparse features: trained deterministically (same data, same
// bytes), stored as a sorted text file, and able to say which features
// pushed a text towards its kind.
//
// It knows nothing about review comments: the caller names the features
// and the classes. It never reads files, the clock or randomness it was
// not given a seed for, and imports nothing outside the standard library.
package commentmodel
