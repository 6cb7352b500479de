indnest2 ; @@x@(1) applies the subscript to the inner indirection: it means @(@x@(1))
 set x="y",y="arr",y(1)="target"
 set @@x@(1)="set"
 write "target=",target,!
 write "$d(arr)=",$data(arr),!
 kill y(1)
 write "now: ",@@x@(1),!
 quit
